namespace Engagement.Rules.Policies;

/// <summary>Settings of the stop-condition policy.</summary>
public sealed record StopConditionOptions
{
    /// <summary>
    /// Whether a customer who moved away still gets safety touches (recalls) by postal mail: a recall follows
    /// the vehicle, and a letter is the least intrusive way to deliver it. Default <see langword="true"/>.
    /// A deceased customer never gets anything.
    /// </summary>
    public bool SafetyByMailWhenMovedAway { get; init; } = true;

    /// <summary>E-mail is sunset (not used for non-safety touches) after this many consecutive unengaged e-mails. Default 6.</summary>
    public int EmailSunsetAfterUnengaged { get; init; } = 6;
}
