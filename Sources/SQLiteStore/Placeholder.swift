// SQLiteStore module placeholder.
