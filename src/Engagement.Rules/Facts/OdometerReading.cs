using NodaTime;

namespace Engagement.Rules.Facts;

/// <summary>An odometer reading taken on a day (at a service visit, a sale, a telematics report), in the vehicle's unit.</summary>
public sealed record OdometerReading
{
    private const string FactType = nameof(OdometerReading);

    /// <summary>Creates a reading.</summary>
    /// <param name="date">The day of the reading.</param>
    /// <param name="value">The distance shown, zero or more.</param>
    /// <exception cref="FactValidationException">The value is negative.</exception>
    public OdometerReading(LocalDate date, int value)
    {
        Date = date;
        Value = value;
    }

    /// <summary>The day of the reading.</summary>
    public LocalDate Date { get; init; }

    /// <summary>The distance shown, zero or more, in the vehicle's <see cref="Vehicle.Unit"/>.</summary>
    public int Value { get; init => field = FactCheck.AtLeast(value, 0, FactType, nameof(Value)); }
}
