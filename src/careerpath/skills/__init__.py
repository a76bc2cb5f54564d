"""Skills: the O*NET taxonomy, extraction from postings, title normalisation, demand."""
