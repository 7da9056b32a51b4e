"""HSDS 3.0 in and out: model ↔ HSDS dictionaries, file readers, import and export."""
