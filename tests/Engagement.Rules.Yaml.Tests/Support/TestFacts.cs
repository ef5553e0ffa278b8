namespace Engagement.Rules.Yaml.Tests.Support;

public sealed record Customer(string CustomerId, string Status);

public sealed record Vehicle(string Vin, string OwnerCustomerId, bool IsOwned, string Model);

public sealed record RepairOrder(string Vin, int Amount);
