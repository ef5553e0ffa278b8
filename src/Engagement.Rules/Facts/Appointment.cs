using Engagement.Rules.Engine;
using NodaTime;

namespace Engagement.Rules.Facts;

/// <summary>A service appointment.</summary>
/// <remarks>Identity is <c>("Appointment", Id)</c>.</remarks>
public sealed record Appointment : IFactIdentity
{
    private const string FactType = nameof(Appointment);

    // The identity, made when a key is set (a 'with' that changes a key makes it again) rather than a new tuple
    // on every read: the session, CustomerFacts and the explanations each ask for it.
    private readonly object? _identity;

    /// <summary>The appointment's id.</summary>
    public required string Id
    {
        get;
        init
        {
            field = FactCheck.Required(value, FactType, nameof(Id));
            _identity = Identity();
        }
    }

    /// <summary>The VIN of the vehicle booked in.</summary>
    public required Vin Vin { get; init => field = FactCheck.Vin(value, FactType, nameof(Vin)); }

    /// <summary>The customer's id.</summary>
    public required string CustomerId { get; init => field = FactCheck.Required(value, FactType, nameof(CustomerId)); }

    /// <summary>The moment the appointment starts.</summary>
    public required Instant At { get; init; }

    /// <summary>The appointment's state.</summary>
    public AppointmentStatus Status { get; init => field = FactCheck.Defined(value, FactType, nameof(Status)); } = AppointmentStatus.Booked;

    /// <inheritdoc />
    public object FactIdentity => _identity ?? Identity();

    private object Identity() => (FactType, Id);
}
