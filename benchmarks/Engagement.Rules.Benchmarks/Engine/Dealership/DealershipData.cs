using System.Collections.Generic;

namespace Engagement.Rules.Benchmarks.Engine.Dealership;

/// <summary>
/// One customer's facts: the customer, 2 vehicles, 4 service visits, a warranty, a consent and 2 touches sent
/// (11 facts), shaped so that most of the 20 rules have something to do: 3 segments, 10 proposals of which one
/// is suppressed by a recent touch, 9 decisions.
/// </summary>
internal static class DealershipData
{
    public static object[] Customer(int customerId)
    {
        var vehicle1 = (customerId * 100) + 1;
        var vehicle2 = (customerId * 100) + 2;
        var id = customerId * 1000;
        return
        [
            new Customer { Id = customerId, Tier = "silver", BirthMonth = 11 },
            new Vehicle { Id = vehicle1, CustomerId = customerId, Make = "Acme", ModelYear = 2015, Mileage = 45_000 },
            new Vehicle { Id = vehicle2, CustomerId = customerId, Make = "Zen", ModelYear = 2021, Mileage = 12_000 },
            new ServiceVisit { Id = id + 1, CustomerId = customerId, VehicleId = vehicle1, Kind = "oil", DaysAgo = 200, Amount = 300m },
            new ServiceVisit { Id = id + 2, CustomerId = customerId, VehicleId = vehicle1, Kind = "tires", DaysAgo = 400, Amount = 500m },
            new ServiceVisit { Id = id + 3, CustomerId = customerId, VehicleId = vehicle2, Kind = "inspection", DaysAgo = 100, Amount = 150m },
            new ServiceVisit { Id = id + 4, CustomerId = customerId, VehicleId = vehicle2, Kind = "oil", DaysAgo = 3, Amount = 120m },
            new Warranty { Id = id + 5, CustomerId = customerId, VehicleId = vehicle2, DaysToExpiry = 45 },
            new Consent { CustomerId = customerId, Email = true, Sms = true },
            new TouchSent { Id = id + 6, CustomerId = customerId, Kind = "oil-change", DaysAgo = 10 },
            new TouchSent { Id = id + 7, CustomerId = customerId, Kind = "birthday", DaysAgo = 40 },
        ];
    }

    public static object[] Customers(int count)
    {
        var facts = new List<object>(count * 11);
        for (var i = 1; i <= count; i++)
        {
            facts.AddRange(Customer(i));
        }

        return [.. facts];
    }
}
