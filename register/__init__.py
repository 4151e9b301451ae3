"""The register: an event-sourced GDPR Article 30 record of processing activities.

This package holds the domain, the application and the persistence wiring. It never imports
Flask: the web layer in ``api/`` depends on it, never the reverse.
"""
