"""Operations: turning measured facts into alerts for the operators."""
