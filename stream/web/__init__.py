"""Web layer: pure read model (readmodel.py), Faust/aiohttp views (views.py), static dashboard."""
