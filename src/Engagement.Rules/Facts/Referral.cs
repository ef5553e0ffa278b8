using Engagement.Rules.Engine;
using NodaTime;

namespace Engagement.Rules.Facts;

/// <summary>A referral: a customer sent someone to the dealership.</summary>
/// <remarks>Identity is <c>("Referral", ReferralId)</c>; progress (contacted, purchased) is a new version.</remarks>
public sealed record Referral : IFactIdentity
{
    private const string FactType = nameof(Referral);

    // The identity, made when a key is set (a 'with' that changes a key makes it again) rather than a new tuple
    // on every read: the session, CustomerFacts and the explanations each ask for it.
    private readonly object? _identity;

    /// <summary>The referral's id.</summary>
    public required string ReferralId
    {
        get;
        init
        {
            field = FactCheck.Required(value, FactType, nameof(ReferralId));
            _identity = Identity();
        }
    }

    /// <summary>The id of the customer who referred.</summary>
    public required string ReferrerCustomerId
    {
        get;
        init
        {
            field = FactCheck.Required(value, FactType, nameof(ReferrerCustomerId));
            CheckNotSelf();
        }
    }

    /// <summary>The referred person's name as recorded.</summary>
    public required string ReferredName { get; init => field = FactCheck.Required(value, FactType, nameof(ReferredName)); }

    /// <summary>The referred person's customer id once they are a customer; never the referrer's.</summary>
    public string? ReferredCustomerId
    {
        get;
        init
        {
            field = FactCheck.Optional(value, FactType, nameof(ReferredCustomerId));
            CheckNotSelf();
        }
    }

    /// <summary>The referral's progress.</summary>
    public ReferralStatus Status { get; init => field = FactCheck.Defined(value, FactType, nameof(Status)); } = ReferralStatus.Recorded;

    /// <summary>The day the referral was recorded.</summary>
    public required LocalDate RecordedOn
    {
        get;
        init
        {
            field = value;
            FactCheck.NotBefore(PurchasedOn, value, FactType, nameof(PurchasedOn), nameof(RecordedOn));
        }
    }

    /// <summary>The day the referred person bought, if they did; not before <see cref="RecordedOn"/>.</summary>
    public LocalDate? PurchasedOn
    {
        get;
        init
        {
            field = value;
            FactCheck.NotBefore(value, RecordedOn, FactType, nameof(PurchasedOn), nameof(RecordedOn));
        }
    }

    /// <inheritdoc />
    public object FactIdentity => _identity ?? Identity();

    private object Identity() => (FactType, ReferralId);

    private void CheckNotSelf()
    {
        if (ReferredCustomerId is not null && ReferredCustomerId == ReferrerCustomerId)
        {
            throw FactCheck.Fail(FactType, nameof(ReferredCustomerId), ReferredCustomerId, "a customer cannot refer themselves", "a customer id other than ReferrerCustomerId");
        }
    }
}
