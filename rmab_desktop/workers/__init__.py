"""Background execution: the TaskRunner's owned thread pools, the job pump and the scheduler tick."""
