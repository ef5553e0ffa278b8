using System.Collections.Generic;

namespace Engagement.Rules.Engine.Tests.Sessions;

public sealed class Customer
{
    public Customer(int id, string tier = "silver")
    {
        Id = id;
        Tier = tier;
    }

    public int Id { get; }

    public string Tier { get; set; }

    public int Age { get; set; }

    public override string ToString() => $"Customer#{Id}";
}

public sealed class Vehicle
{
    public Vehicle(int id, int ownerId, int year = 2020)
    {
        Id = id;
        OwnerId = ownerId;
        Year = year;
    }

    public int Id { get; }

    public int OwnerId { get; set; }

    public int Year { get; set; }

    public decimal Price { get; set; }

    public string Make { get; set; } = "Ford";

    public override string ToString() => $"Vehicle#{Id}";
}

public sealed class Visit
{
    public Visit(int customerId, int vehicleId = 0)
    {
        CustomerId = customerId;
        VehicleId = vehicleId;
    }

    public int CustomerId { get; }

    public int VehicleId { get; }

    public override string ToString() => $"Visit(c{CustomerId}, v{VehicleId})";
}

public sealed record Note(string Text, int CustomerId = 0);

public sealed record Counter(int Id, int Value) : IFactIdentity
{
    public object FactIdentity => (nameof(Counter), Id);
}

/// <summary>Collects what actions did, in order.</summary>
public sealed class Log
{
    public List<string> Entries { get; } = new();

    public void Add(string entry) => Entries.Add(entry);
}
