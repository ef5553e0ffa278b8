using Engagement.Rules.Engine;
using NodaTime;

namespace Engagement.Rules.Facts;

/// <summary>A retail instalment (loan) contract on a vehicle.</summary>
/// <remarks>Identity is <c>("FinanceContract", Vin)</c>: a new version replaces the old one in a session.</remarks>
public sealed record FinanceContract : IFactIdentity
{
    private const string FactType = nameof(FinanceContract);

    // The identity, made when a key is set (a 'with' that changes a key makes it again) rather than a new tuple
    // on every read: the session, CustomerFacts and the explanations each ask for it.
    private readonly object? _identity;

    /// <summary>The VIN of the financed vehicle.</summary>
    public required Vin Vin
    {
        get;
        init
        {
            field = FactCheck.Vin(value, FactType, nameof(Vin));
            _identity = Identity();
        }
    }

    /// <summary>The borrower's customer id.</summary>
    public required string CustomerId { get; init => field = FactCheck.Required(value, FactType, nameof(CustomerId)); }

    /// <summary>The day of the last payment.</summary>
    public required LocalDate MaturityDate { get; init; }

    /// <summary>The annual percentage rate, 0 to 100, if known.</summary>
    public decimal? Apr
    {
        get;
        init
        {
            if (value is { } apr && (apr < 0m || apr > 100m))
            {
                throw FactCheck.Fail(FactType, nameof(Apr), apr, "the rate is out of range", "a percentage from 0 to 100");
            }

            field = value;
        }
    }

    /// <summary>The balance still owed, zero or more, if known.</summary>
    public decimal? Balance { get; init => field = FactCheck.NotNegative(value, FactType, nameof(Balance)); }

    /// <inheritdoc />
    public object FactIdentity => _identity ?? Identity();

    private object Identity() => (FactType, Vin.Value);
}
