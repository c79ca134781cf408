"""The report layer: charts (matplotlib Figures shared with the app) and the PDF (reportlab).

Import the submodules you need (`cemassess.report.charts`, `cemassess.report.pdf`); this
package imports nothing heavy itself, so the app can start before matplotlib is loaded.
"""
