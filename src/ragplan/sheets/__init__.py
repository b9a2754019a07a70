"""Spreadsheets: workbooks and CSV files read safely, header rows found, columns mapped to
plan fields, and workbooks written with their values made inert."""
