namespace Engagement.Rules.Facts;

/// <summary>The kind of an owners' event.</summary>
public enum OwnerEventKind
{
    /// <summary>A car-care clinic (winter prep, EV basics, first service).</summary>
    CarCareClinic = 0,

    /// <summary>A new model's launch.</summary>
    ModelLaunch = 1,

    /// <summary>A charity drive.</summary>
    CharityDrive = 2,

    /// <summary>An owners' club meeting or drive.</summary>
    OwnersClub = 3,

    /// <summary>Any other event.</summary>
    Other = 4,
}
