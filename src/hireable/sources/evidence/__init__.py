"""Evidence sources: GitHub, Hugging Face, Kaggle and the paper indexes, read via their APIs."""
