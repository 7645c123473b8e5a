// SCOAPI module placeholder.
