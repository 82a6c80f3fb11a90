import CredeauKit
print("credeau")
