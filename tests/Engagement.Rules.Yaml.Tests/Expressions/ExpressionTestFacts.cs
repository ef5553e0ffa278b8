using System.Collections.Generic;
using NodaTime;

namespace Engagement.Rules.Yaml.Tests.Expressions;

public enum CustomerStatus
{
    Active,
    Inactive,
    Prospect,
}

public enum TouchKind
{
    Reminder,
    Offer,
    Greeting,
}

public sealed record Address(string City, string? PostalCode);

public sealed record Customer(
    string CustomerId,
    string FirstName,
    string? Email,
    CustomerStatus Status,
    LocalDate? BirthDate,
    int? LoyaltyPoints,
    IReadOnlyList<string> Tags,
    Address? Address,
    AnnualDate? Anniversary,
    decimal Balance);

public sealed record Vehicle(
    string Vin,
    string OwnerCustomerId,
    bool IsOwned,
    int ModelYear,
    LocalDate? PurchaseDate,
    long Mileage,
    double Rating,
    Instant LastSeen,
    LocalDate RegisteredOn,
    LocalTime? PreferredTime,
    Duration ServiceInterval,
    TouchKind LastTouch,
    System.Func<int> Callback);
