using System.Collections.Generic;
using Engagement.Rules.Decisions;
using NodaTime;

namespace Engagement.Rules.Policies;

/// <summary>
/// The consent and contact-time rules of one jurisdiction, as data. A customer in <c>US-TX</c> is subject to
/// the rules of <c>US</c> and of <c>US-TX</c> together: windows intersect, blackout days add up, consent
/// lifetimes take the shorter and express-consent channels the union.
/// </summary>
public sealed record JurisdictionRule
{
    /// <summary>The jurisdiction: an ISO 3166-1 country code (<c>US</c>) or country and region (<c>US-TX</c>).</summary>
    public required string Code { get; init; }

    /// <summary>The law or source the rule records, for explanations, e.g. <c>TCPA</c>.</summary>
    public string Source { get; init; } = string.Empty;

    /// <summary>The local-time windows per channel (quiet hours outside them).</summary>
    public IReadOnlyList<ContactWindow> ContactWindows { get; init => field = Snapshot.List(value); } = [];

    /// <summary>Channels that need prior express consent: implied consent and an existing relationship do not suffice.</summary>
    public IReadOnlyList<ContactChannel> ExpressConsentChannels { get; init => field = Snapshot.List(value); } = [];

    /// <summary>How long implied consent from a purchase lasts (CASL: two years); forever when null.</summary>
    public Period? ImpliedConsentFromPurchase { get; init; }

    /// <summary>How long implied consent from an inquiry lasts (CASL: six months); forever when null.</summary>
    public Period? ImpliedConsentFromInquiry { get; init; }

    /// <summary>
    /// Whether service (transactional) touches may rely on an existing relationship (an owned vehicle or a
    /// repair order) when the customer has no service consent record for the channel.
    /// </summary>
    public bool ServiceByExistingRelationship { get; init; } = true;

    /// <summary>Days of the week on which non-exempt touches are held to the next allowed day.</summary>
    public IReadOnlyList<IsoDayOfWeek> BlackoutDays { get; init => field = Snapshot.List(value); } = [];

    /// <summary>Yearly holidays (month and day) on which non-exempt touches are held.</summary>
    public IReadOnlyList<AnnualDate> Holidays { get; init => field = Snapshot.List(value); } = [];

    /// <summary>Specific dates (e.g. moving holidays of a given year) on which non-exempt touches are held.</summary>
    public IReadOnlyList<LocalDate> BlackoutDates { get; init => field = Snapshot.List(value); } = [];
}
