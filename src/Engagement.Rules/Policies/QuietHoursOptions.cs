using System.Collections.Generic;
using Engagement.Rules.Decisions;
using NodaTime;

namespace Engagement.Rules.Policies;

/// <summary>Settings of the quiet-hours and blackout-days policy.</summary>
public sealed record QuietHoursOptions
{
    /// <summary>
    /// Windows that apply in every jurisdiction (intersected with the jurisdiction's own). Default: phone and
    /// text 08:00-21:00 recipient-local.
    /// </summary>
    public IReadOnlyList<ContactWindow> DefaultWindows { get; init => field = Snapshot.List(value); } =
    [
        new(ContactChannel.Phone, new LocalTime(8, 0), new LocalTime(21, 0)),
        new(ContactChannel.Sms, new LocalTime(8, 0), new LocalTime(21, 0)),
    ];

    /// <summary>The local send time of a proposal without a preferred time. Default 10:00.</summary>
    public LocalTime DefaultSendTime { get; init; } = new(10, 0);

    /// <summary>
    /// The start of the window that, when the customer's time zone is unknown and the plausible zones of the
    /// customer's country give no common window, limits every channel that has a contact window (intersected with
    /// it), in the dealership's zone; channels without a window (e-mail, mail and push by default) stay
    /// unrestricted. Default 10:00.
    /// </summary>
    public LocalTime UnknownZoneStart { get; init; } = new(10, 0);

    /// <summary>The end of the unknown-zone fallback window (exclusive). Default 19:00.</summary>
    public LocalTime UnknownZoneEnd { get; init; } = new(19, 0);

    /// <summary>Blackout days of the week in every jurisdiction (added to the jurisdiction's). Default none.</summary>
    public IReadOnlyList<IsoDayOfWeek> BlackoutDays { get; init => field = Snapshot.List(value); } = [];

    /// <summary>The classes blackout days do not hold. Default safety.</summary>
    public IReadOnlyList<TouchClass> BlackoutExemptClasses { get; init => field = Snapshot.List(value); } = [TouchClass.Safety];

    /// <summary>How far ahead to look for an allowed time before giving up with <see cref="SuppressionReason.NoContactWindow"/>. Default 60 days.</summary>
    public int SearchHorizonDays { get; init; } = 60;
}
