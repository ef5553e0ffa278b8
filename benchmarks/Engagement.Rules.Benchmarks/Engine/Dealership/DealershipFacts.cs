namespace Engagement.Rules.Benchmarks.Engine.Dealership;

// The benchmark's own small fact model (deliberately independent of the domain project), shaped like a
// dealership's data for one customer.

public sealed class Customer
{
    public required int Id { get; init; }

    public required string Tier { get; init; }

    public required int BirthMonth { get; init; }
}

public sealed class Vehicle
{
    public required int Id { get; init; }

    public required int CustomerId { get; init; }

    public required string Make { get; init; }

    public required int ModelYear { get; init; }

    public required int Mileage { get; init; }
}

public sealed class ServiceVisit
{
    public required int Id { get; init; }

    public required int CustomerId { get; init; }

    public required int VehicleId { get; init; }

    public required string Kind { get; init; }

    public required int DaysAgo { get; init; }

    public required decimal Amount { get; init; }
}

public sealed class Warranty
{
    public required int Id { get; init; }

    public required int CustomerId { get; init; }

    public required int VehicleId { get; init; }

    public required int DaysToExpiry { get; init; }
}

public sealed class Consent
{
    public required int CustomerId { get; init; }

    public required bool Email { get; init; }

    public required bool Sms { get; init; }
}

public sealed class TouchSent
{
    public required int Id { get; init; }

    public required int CustomerId { get; init; }

    public required string Kind { get; init; }

    public required int DaysAgo { get; init; }
}

/// <summary>Derived: a customer segment established by a rule.</summary>
public sealed class Segment(int customerId, string name)
{
    public int CustomerId { get; } = customerId;

    public string Name { get; } = name;

    public override string ToString() => $"segment {CustomerId} {Name}";
}

/// <summary>Derived: a touch proposed by a rule, possibly suppressed (retracted) by another.</summary>
public sealed class Proposal(int customerId, string kind, int vehicleId)
{
    public int CustomerId { get; } = customerId;

    public string Kind { get; } = kind;

    public int VehicleId { get; } = vehicleId;

    public override string ToString() => $"proposal {CustomerId} {Kind} {VehicleId}";
}

/// <summary>Derived: the final decision, a proposal with its channel.</summary>
public sealed class Decision(int customerId, string kind, int vehicleId, string channel)
{
    public int CustomerId { get; } = customerId;

    public string Kind { get; } = kind;

    public int VehicleId { get; } = vehicleId;

    public string Channel { get; } = channel;

    public override string ToString() => $"decision {CustomerId} {Kind} {VehicleId} {Channel}";
}
