"""Computer opponents: agents that choose actions from a seat's view."""
