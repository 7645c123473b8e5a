import SCOAPI

print("sco-api")
