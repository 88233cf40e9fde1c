"""The text engine: stages that clean, repair, identify, normalize and date news text."""
