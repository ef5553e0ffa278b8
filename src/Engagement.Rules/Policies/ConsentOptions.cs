using System.Collections.Generic;
using Engagement.Rules.Decisions;

namespace Engagement.Rules.Policies;

/// <summary>Settings of the consent and channel-resolution policy.</summary>
public sealed record ConsentOptions
{
    /// <summary>
    /// Whether a touch that asks for a specific channel falls back along the customer's preferred channels when
    /// that channel has no consent. Default <see langword="true"/>.
    /// </summary>
    public bool FallBackFromAskedChannel { get; init; } = true;

    /// <summary>
    /// The channel order used when the customer states no preference. Default e-mail, text, push, phone, mail.
    /// </summary>
    public IReadOnlyList<ContactChannel> DefaultChannelOrder { get; init => field = Snapshot.List(value); } =
        [ContactChannel.Email, ContactChannel.Sms, ContactChannel.Push, ContactChannel.Phone, ContactChannel.Mail];

    /// <summary>Whether relationship touches (greetings, thank-yous) need marketing consent. Default <see langword="true"/>.</summary>
    public bool RelationshipNeedsMarketingConsent { get; init; } = true;

    /// <summary>Whether safety touches may fall back to postal mail when no electronic channel is possible. Default <see langword="true"/>.</summary>
    public bool SafetyFallsBackToMail { get; init; } = true;
}
