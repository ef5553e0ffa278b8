using System;

namespace Engagement.Rules.Decisions;

/// <summary>
/// What a touch is: a reminder, an offer, a thank-you... The well-known kinds are static members; the set is
/// open, so a host or rule file may name its own kind.
/// </summary>
public readonly record struct TouchKind
{
    /// <summary>Creates a kind.</summary>
    /// <param name="name">The kind's name: lower-case letters, digits and dashes.</param>
    /// <exception cref="ArgumentException">The name is empty or not in that form.</exception>
    public TouchKind(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        foreach (var c in name)
        {
            if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
            {
                throw new ArgumentException($"A touch kind is lower-case letters, digits and dashes; '{name}' has '{c}'.", nameof(name));
            }
        }

        Name = name;
    }

    /// <summary>A reminder of something due (service, appointment, recommended work).</summary>
    public static TouchKind Reminder { get; } = new("reminder");

    /// <summary>A commercial offer (protection product, upgrade, service coupon).</summary>
    public static TouchKind Offer { get; } = new("offer");

    /// <summary>A thank-you (for a referral, a purchase, a visit).</summary>
    public static TouchKind ThankYou { get; } = new("thank-you");

    /// <summary>An invitation to an owners' event.</summary>
    public static TouchKind EventInvite { get; } = new("event-invite");

    /// <summary>A follow-up after a visit or on a concern.</summary>
    public static TouchKind FollowUp { get; } = new("follow-up");

    /// <summary>A notice the customer must receive (recall, safety, contract).</summary>
    public static TouchKind Notice { get; } = new("notice");

    /// <summary>A greeting with nothing to sell (birthday, anniversary).</summary>
    public static TouchKind Greeting { get; } = new("greeting");

    /// <summary>
    /// The kind's name; <see langword="null"/> only for <c>default(TouchKind)</c>, which the policies reject
    /// (<see cref="SuppressionReason.InvalidProposal"/>), as <c>Vin.Value</c> is for <c>default(Vin)</c>.
    /// </summary>
    public string Name { get; }

    /// <inheritdoc />
    public override string ToString() => Name ?? string.Empty;
}
