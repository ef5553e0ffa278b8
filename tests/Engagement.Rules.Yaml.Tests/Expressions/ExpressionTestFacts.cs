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

/// <summary>A value object, like the VIN of the dealership facts.</summary>
public readonly record struct Plate(string Value, string Region);

/// <summary>A plain struct without an equality operator.</summary>
public readonly struct Coordinates(double latitude, double longitude)
{
    public double Latitude { get; } = latitude;

    public double Longitude { get; } = longitude;
}

/// <summary>An open set with well-known values, like the touch kinds of the dealership facts.</summary>
public readonly record struct Channel(string Name)
{
    public static Channel Email { get; } = new("email");

    public static Channel Sms { get; } = new("sms");

    public static Channel Phone { get; } = new("phone");
}

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
    decimal Balance,
    IReadOnlyList<Address> OtherAddresses);

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
    System.Func<int> Callback,
    Plate Plate,
    Plate? PreviousPlate,
    Channel Preferred,
    Coordinates Location);
