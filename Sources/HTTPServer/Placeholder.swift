// HTTPServer module placeholder.
