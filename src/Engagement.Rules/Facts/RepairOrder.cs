using System.Collections.Generic;
using Engagement.Rules.Engine;
using NodaTime;

namespace Engagement.Rules.Facts;

/// <summary>A service visit's repair order (RO).</summary>
/// <remarks>Identity is <c>("RepairOrder", RepairOrderId)</c>: closing the RO is a new version of the same fact.</remarks>
public sealed record RepairOrder : IFactIdentity
{
    private const string FactType = nameof(RepairOrder);

    // The identity, made when a key is set (a 'with' that changes a key makes it again) rather than a new tuple
    // on every read: the session, CustomerFacts and the explanations each ask for it.
    private readonly object? _identity;

    /// <summary>The RO number.</summary>
    public required string RepairOrderId
    {
        get;
        init
        {
            field = FactCheck.Required(value, FactType, nameof(RepairOrderId));
            _identity = Identity();
        }
    }

    /// <summary>The VIN of the vehicle serviced.</summary>
    public required Vin Vin { get; init => field = FactCheck.Vin(value, FactType, nameof(Vin)); }

    /// <summary>The customer's id.</summary>
    public required string CustomerId { get; init => field = FactCheck.Required(value, FactType, nameof(CustomerId)); }

    /// <summary>The day the RO was opened.</summary>
    public required LocalDate OpenedOn
    {
        get;
        init
        {
            field = value;
            FactCheck.NotBefore(ClosedOn, value, FactType, nameof(ClosedOn), nameof(OpenedOn));
        }
    }

    /// <summary>The day the RO was closed; <see langword="null"/> while open. Not before <see cref="OpenedOn"/>.</summary>
    public LocalDate? ClosedOn
    {
        get;
        init
        {
            field = value;
            FactCheck.NotBefore(value, OpenedOn, FactType, nameof(ClosedOn), nameof(OpenedOn));
        }
    }

    /// <summary>Whether the RO is still open.</summary>
    public bool IsOpen => ClosedOn is null;

    /// <summary>The odometer value at check-in, zero or more, in the vehicle's unit.</summary>
    public required int Mileage { get; init => field = FactCheck.AtLeast(value, 0, FactType, nameof(Mileage)); }

    /// <summary>The operation codes performed (e.g. <c>OIL-CHG</c>, <c>TIRE-ROT</c>), none empty.</summary>
    public IReadOnlyList<string> Operations
    {
        get;
        init
        {
            var operations = FactCheck.Copy(value, FactType, nameof(Operations));
            for (var i = 0; i < operations.Count; i++)
            {
                FactCheck.Required(operations[i], FactType, $"{nameof(Operations)}[{i}]");
            }

            field = operations;
        }
    } = [];

    /// <summary>The service advisor's name or id, if known.</summary>
    public string? Advisor { get; init => field = FactCheck.Optional(value, FactType, nameof(Advisor)); }

    /// <summary>The customer-pay total, zero or more.</summary>
    public decimal Total { get; init => field = FactCheck.NotNegative(value, FactType, nameof(Total)); }

    /// <summary>The concern the customer came in with, in their words, if recorded.</summary>
    public string? CustomerConcern { get; init => field = FactCheck.Optional(value, FactType, nameof(CustomerConcern)); }

    /// <inheritdoc />
    public object FactIdentity => _identity ?? Identity();

    private object Identity() => (FactType, RepairOrderId);
}
