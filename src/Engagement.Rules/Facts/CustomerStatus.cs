namespace Engagement.Rules.Facts;

/// <summary>Whether a customer can be contacted at all.</summary>
public enum CustomerStatus
{
    /// <summary>An active customer.</summary>
    Active = 0,

    /// <summary>The customer has died: never contact (the household may be, separately).</summary>
    Deceased = 1,

    /// <summary>The customer moved out of the dealership's market.</summary>
    MovedAway = 2,
}
