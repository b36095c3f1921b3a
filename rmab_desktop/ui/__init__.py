"""Qt widgets, item models, delegates, dialogs and the tray (the only layer importing QtWidgets)."""
