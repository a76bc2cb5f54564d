"""Where facts come from: sources with URL, licence and the date they were seen."""
