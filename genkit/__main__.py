from genkit.cli.main import main

main()
