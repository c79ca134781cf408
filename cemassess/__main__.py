from cemassess.cli import main

raise SystemExit(main())
