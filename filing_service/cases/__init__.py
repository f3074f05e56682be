"""Cases: the child, the parents, placement targets, measures, the timeline, hearings."""
