"""The roadmap (« feuille de route »): stages, axes, actions traced back to the proposals, decisions and synthesis
topics behind them, their milestones and progress, who follows them, and the charter with its signatures."""
