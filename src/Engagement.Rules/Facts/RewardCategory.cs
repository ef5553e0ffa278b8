namespace Engagement.Rules.Facts;

/// <summary>The kind of reward a customer prefers for advocacy (referrals, reviews).</summary>
public enum RewardCategory
{
    /// <summary>Money off, service credit, a gift card.</summary>
    Transactional = 0,

    /// <summary>An experience: a track day, an event seat, a test drive of a new model.</summary>
    Experiential = 1,

    /// <summary>Public or personal recognition: a thank-you note, an ambassador title.</summary>
    Recognition = 2,

    /// <summary>A donation to a charity in the customer's name.</summary>
    Altruistic = 3,
}
