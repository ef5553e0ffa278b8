namespace Engagement.Rules.Facts;

/// <summary>The state of a service appointment.</summary>
public enum AppointmentStatus
{
    /// <summary>Booked and upcoming (or in progress).</summary>
    Booked = 0,

    /// <summary>Cancelled.</summary>
    Cancelled = 1,

    /// <summary>The customer came and the work was done.</summary>
    Completed = 2,

    /// <summary>The customer did not come.</summary>
    NoShow = 3,
}
