from hireable.cli import main

main()
