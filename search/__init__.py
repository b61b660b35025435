"""Full-text search over the knowledge base. Whoosh is imported only inside this package."""
