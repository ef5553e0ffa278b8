System.Console.WriteLine("Engagement.Rules sample: under construction.");
