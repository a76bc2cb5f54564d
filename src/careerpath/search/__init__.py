"""The tantivy search index over the catalog: schema, generations, queries with facets."""
