"""Reports as data: summary, outstanding, direction of travel, diff and history."""
