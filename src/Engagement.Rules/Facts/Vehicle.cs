using System;
using System.Collections.Generic;
using System.Linq;
using Engagement.Rules.Engine;
using NodaTime;

namespace Engagement.Rules.Facts;

/// <summary>A customer's vehicle.</summary>
/// <remarks>
/// Identity is <c>("Vehicle", Vin)</c>. Odometer readings are kept sorted by date; they never go backwards.
/// Record equality is the compiler's: the reading list compares by reference.
/// </remarks>
public sealed record Vehicle : IFactIdentity
{
    /// <summary>The earliest model year accepted: 17-character VINs were introduced for model year 1981.</summary>
    public const int FirstModelYear = 1981;

    private const string FactType = nameof(Vehicle);

    // The identity, made when a key is set (a 'with' that changes a key makes it again) rather than a new tuple
    // on every read: the session, CustomerFacts and the explanations each ask for it.
    private readonly object? _identity;

    // Rules read the average per match (conditions, lets, values): it is computed once, when the readings are set
    // (the only input; a 'with' that replaces them sets it again), instead of a date difference on every read.
    private readonly double? _averageDailyDistance;

    /// <summary>The VIN.</summary>
    public required Vin Vin
    {
        get;
        init
        {
            field = FactCheck.Vin(value, FactType, nameof(Vin));
            _identity = Identity();
        }
    }

    /// <summary>The id of the customer who owns (or last owned) the vehicle.</summary>
    public required string OwnerCustomerId { get; init => field = FactCheck.Required(value, FactType, nameof(OwnerCustomerId)); }

    /// <summary>The make, e.g. <c>Honda</c>.</summary>
    public required string Make { get; init => field = FactCheck.Required(value, FactType, nameof(Make)); }

    /// <summary>The model, e.g. <c>Accord</c>.</summary>
    public required string Model { get; init => field = FactCheck.Required(value, FactType, nameof(Model)); }

    /// <summary>
    /// The model year: from <see cref="FirstModelYear"/>, and at most one year after the purchase or delivery
    /// year when those are known (use <see cref="IsModelYearPlausible"/> against today otherwise).
    /// </summary>
    public required int ModelYear
    {
        get;
        init
        {
            field = FactCheck.Between(value, FirstModelYear, 9999, FactType, nameof(ModelYear));
            CheckModelYear();
        }
    }

    /// <summary>The body style.</summary>
    public BodyType BodyType { get; init => field = FactCheck.Defined(value, FactType, nameof(BodyType)); } = BodyType.Other;

    /// <summary>The number of doors, 1 to 9, if known.</summary>
    public int? DoorCount
    {
        get;
        init
        {
            if (value is { } doors)
            {
                FactCheck.Between(doors, 1, 9, FactType, nameof(DoorCount));
            }

            field = value;
        }
    }

    /// <summary>The day the customer bought (or leased) the vehicle, if known.</summary>
    public LocalDate? PurchaseDate
    {
        get;
        init
        {
            field = value;
            FactCheck.NotBefore(DeliveryDate, value, FactType, nameof(DeliveryDate), nameof(PurchaseDate));
            CheckModelYear();
        }
    }

    /// <summary>The day the vehicle was delivered, if known; not before <see cref="PurchaseDate"/>.</summary>
    public LocalDate? DeliveryDate
    {
        get;
        init
        {
            field = value;
            FactCheck.NotBefore(value, PurchaseDate, FactType, nameof(DeliveryDate), nameof(PurchaseDate));
            CheckModelYear();
        }
    }

    /// <summary>Whether the vehicle was sold new or used.</summary>
    public VehicleCondition Condition { get; init => field = FactCheck.Defined(value, FactType, nameof(Condition)); } = VehicleCondition.New;

    /// <summary>How the customer acquired the vehicle.</summary>
    public OwnershipType Ownership { get; init => field = FactCheck.Defined(value, FactType, nameof(Ownership)); } = OwnershipType.Cash;

    /// <summary>Whether the customer still owns the vehicle (false once sold, traded in, returned or written off).</summary>
    public bool IsOwned { get; init; } = true;

    /// <summary>The odometer readings, sorted by date (stable for readings on the same day); values never decrease.</summary>
    public IReadOnlyList<OdometerReading> OdometerReadings
    {
        get;
        init
        {
            var readings = FactCheck.Copy(value, FactType, nameof(OdometerReadings)).OrderBy(r => r.Date).ToArray();
            for (var i = 1; i < readings.Length; i++)
            {
                if (readings[i].Value < readings[i - 1].Value)
                {
                    throw FactCheck.Fail(
                        FactType,
                        nameof(OdometerReadings),
                        $"{readings[i].Value} on {FactCheck.Text(readings[i].Date)}",
                        $"the odometer goes backwards from {readings[i - 1].Value} on {FactCheck.Text(readings[i - 1].Date)}",
                        "readings that never decrease over time");
                }
            }

            field = readings.Length == 0 ? Array.Empty<OdometerReading>() : Array.AsReadOnly(readings);
            _averageDailyDistance = Average(readings);
        }
    } = [];

    /// <summary>The unit of the odometer readings and of the mileage limits of this vehicle's contracts.</summary>
    public DistanceUnit Unit { get; init => field = FactCheck.Defined(value, FactType, nameof(Unit)); } = DistanceUnit.Miles;

    /// <summary>The latest odometer reading, or <see langword="null"/> when there is none.</summary>
    public OdometerReading? LatestOdometer => OdometerReadings.Count == 0 ? null : OdometerReadings[^1];

    /// <summary>
    /// The average distance driven per day between the first and the latest reading, or <see langword="null"/>
    /// when there are fewer than two readings on different days.
    /// </summary>
    public double? AverageDailyDistance => _averageDailyDistance;

    /// <inheritdoc />
    public object FactIdentity => _identity ?? Identity();

    private object Identity() => (FactType, Vin.Value);

    /// <summary>
    /// The odometer value projected for a day, in <see cref="Unit"/>, rounded to the nearest whole unit.
    /// </summary>
    /// <remarks>
    /// On a reading's day, that reading (the latest of the day). Between two readings, the straight line between
    /// them. After the latest reading (or before the first), the latest (first) reading plus (minus) the
    /// <see cref="AverageDailyDistance"/> times the days in between, never below zero. <see langword="null"/>
    /// when there are no readings, or when a projection outside the readings is asked and the average is unknown
    /// (fewer than two readings on different days).
    /// </remarks>
    /// <param name="on">The day.</param>
    /// <returns>The projected odometer value, or <see langword="null"/>.</returns>
    public int? ProjectOdometer(LocalDate on)
    {
        var readings = OdometerReadings;
        if (readings.Count == 0)
        {
            return null;
        }

        var first = readings[0];
        var last = readings[^1];
        if (on > last.Date || on < first.Date)
        {
            if (AverageDailyDistance is not { } perDay)
            {
                return null;
            }

            var anchor = on > last.Date ? last : first;
            var days = Period.Between(anchor.Date, on, PeriodUnits.Days).Days;
            return (int)Math.Max(0, Math.Round(anchor.Value + (perDay * days), MidpointRounding.AwayFromZero));
        }

        // Inside the readings: the last reading on or before the day and the first one after it.
        var before = first;
        foreach (var reading in readings)
        {
            if (reading.Date > on)
            {
                var span = Period.Between(before.Date, reading.Date, PeriodUnits.Days).Days;
                var elapsed = Period.Between(before.Date, on, PeriodUnits.Days).Days;
                return (int)Math.Round(before.Value + ((double)(reading.Value - before.Value) * elapsed / span), MidpointRounding.AwayFromZero);
            }

            before = reading;
        }

        return before.Value;
    }

    /// <summary>
    /// Whether the model year is plausible on a day: at most the next year's model year plus one (makers sell
    /// next year's models early). Facts cannot read the clock, so construction only checks the model year
    /// against the purchase and delivery dates; policies call this with the evaluation's today.
    /// </summary>
    /// <param name="today">Today.</param>
    /// <returns>Whether <see cref="ModelYear"/> is at most <c>today.Year + 2</c>.</returns>
    public bool IsModelYearPlausible(LocalDate today) => ModelYear <= today.Year + 2;

    private static double? Average(OdometerReading[] readings)
    {
        if (readings.Length < 2)
        {
            return null;
        }

        var first = readings[0];
        var last = readings[^1];
        var days = Period.Between(first.Date, last.Date, PeriodUnits.Days).Days;
        return days == 0 ? null : (double)(last.Value - first.Value) / days;
    }

    private void CheckModelYear()
    {
        if (ModelYear == 0)
        {
            return; // Not assigned yet: the object initialiser assigns it later and checks then.
        }

        foreach (var (date, name) in new[] { (PurchaseDate, nameof(PurchaseDate)), (DeliveryDate, nameof(DeliveryDate)) })
        {
            if (date is { } d && ModelYear > d.Year + 1)
            {
                throw FactCheck.Fail(FactType, nameof(ModelYear), ModelYear, $"the model year is more than a year after the {name} ({FactCheck.Text(d)})", $"a model year up to {d.Year + 1}");
            }
        }
    }
}
