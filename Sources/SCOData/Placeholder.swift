// SCOData module placeholder.
