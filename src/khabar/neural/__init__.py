"""Optional neural backends: each needs an extra (``pip install 'khabar[embeddings]'``) and a model in a local
folder, and the core works without them."""
