using Engagement.Rules.Engine;
using NodaTime;

namespace Engagement.Rules.Facts;

/// <summary>A service appointment.</summary>
/// <remarks>Identity is <c>("Appointment", Id)</c>.</remarks>
public sealed record Appointment : IFactIdentity
{
    private const string FactType = nameof(Appointment);

    /// <summary>The appointment's id.</summary>
    public required string Id { get; init => field = FactCheck.Required(value, FactType, nameof(Id)); }

    /// <summary>The VIN of the vehicle booked in.</summary>
    public required Vin Vin { get; init => field = FactCheck.Vin(value, FactType, nameof(Vin)); }

    /// <summary>The customer's id.</summary>
    public required string CustomerId { get; init => field = FactCheck.Required(value, FactType, nameof(CustomerId)); }

    /// <summary>The moment the appointment starts.</summary>
    public required Instant At { get; init; }

    /// <summary>The appointment's state.</summary>
    public AppointmentStatus Status { get; init => field = FactCheck.Defined(value, FactType, nameof(Status)); } = AppointmentStatus.Booked;

    /// <inheritdoc />
    public object FactIdentity => (FactType, Id);
}
