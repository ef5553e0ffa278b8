namespace Engagement.Rules.Decisions;

/// <summary>A channel a touch can be sent on.</summary>
public enum ContactChannel
{
    /// <summary>E-mail.</summary>
    Email = 0,

    /// <summary>Text message.</summary>
    Sms = 1,

    /// <summary>A phone call.</summary>
    Phone = 2,

    /// <summary>Postal mail.</summary>
    Mail = 3,

    /// <summary>A push notification in the dealership's or maker's app.</summary>
    Push = 4,
}
